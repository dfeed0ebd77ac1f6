{{%AUTOESCAPE context="HTML"}}
{{>HEADER}}
<form method="get" action="/search" class="search" role="search">
  <div class="query-row">
    <input type="search" name="q" value="{{Q}}" aria-label="{{L_QUERY}}" placeholder="CCC 檢測 &quot;mutual recognition&quot;" autofocus>
    <button type="submit">{{L_SEARCH}}</button>
  </div>
  <div class="filters">
    <label>{{L_INSTRUMENT}} <select name="instrument"><option value="">{{L_ANY}}</option>{{#INSTRUMENT_OPTION}}<option value="{{VALUE}}" {{#SELECTED}}selected{{/SELECTED}}>{{VALUE}}</option>{{/INSTRUMENT_OPTION}}</select></label>
    <label>{{L_TOPIC}} <select name="topic"><option value="">{{L_ANY}}</option>{{#TOPIC_OPTION}}<option value="{{VALUE}}" {{#SELECTED}}selected{{/SELECTED}}>{{VALUE}}</option>{{/TOPIC_OPTION}}</select></label>
    <label>{{L_LANGUAGE}} <select name="lang"><option value="">{{L_ANY}}</option>{{#LANG_OPTION}}<option value="{{VALUE}}" {{#SELECTED}}selected{{/SELECTED}}>{{VALUE}}</option>{{/LANG_OPTION}}</select></label>
    <label>{{L_AS_OF}} <input type="date" name="as_of" value="{{AS_OF}}"></label>
    <label><input type="checkbox" name="all_versions" value="1" {{#ALL_VERSIONS_CHECKED}}checked{{/ALL_VERSIONS_CHECKED}}> {{L_ALL_VERSIONS}}</label>
    <label><input type="checkbox" name="parallel" value="1" {{#PARALLEL_CHECKED}}checked{{/PARALLEL_CHECKED}}> {{L_PARALLEL}}</label>
    <label><input type="checkbox" name="script" value="hans" {{#HANS_CHECKED}}checked{{/HANS_CHECKED}}> {{L_SIMPLIFIED}}</label>
  </div>
  <details class="syntax"><summary>{{L_SYNTAX_HELP}}</summary>
<table>
<tr><td><code>CCC testing</code></td><td>{{L_SYNTAX_WORDS}}</td></tr>
<tr><td><code>"mutual recognition"</code> <code>「合格評定」</code></td><td>{{L_SYNTAX_PHRASE}}</td></tr>
<tr><td><code>AND OR NOT -w +w ( )</code></td><td>{{L_SYNTAX_BOOLEAN}}</td></tr>
<tr><td><code>instrument:cepa-tis</code> <code>topic:ccc</code> <code>lang:en</code></td><td>{{L_SYNTAX_FILTERS}}</td></tr>
<tr><td><code>year:2019</code> <code>year:2016..2019</code></td><td>{{L_SYNTAX_YEAR}}</td></tr>
<tr><td><code>cite:"Article 58"</code> <code>cite:第五十八條</code> <code>art:58</code></td><td>{{L_SYNTAX_CITE}}</td></tr>
</table>
  </details>
</form>
{{#SEARCHED}}
<div class="results-layout">
<aside class="facets" aria-label="{{L_FACETS}}">
{{#FACETS_SKIPPED}}<p class="note" id="facets-skipped">{{L_FACETS_SKIPPED}} {{FACET_LIMIT}} {{L_FACETS_SKIPPED_END}}</p>{{/FACETS_SKIPPED}}
{{#FACET}}<h3>{{NAME}}</h3><ul>{{#VALUE_COUNT}}<li><a href="{{HREF}}">{{VALUE}}</a> <span class="count">{{COUNT}}</span></li>{{/VALUE_COUNT}}</ul>{{/FACET}}
</aside>
<section class="results">
<p class="summary" id="summary">{{#ABOUT}}{{L_ABOUT}} {{/ABOUT}}{{TOTAL}} {{RESULTS_WORD}}{{#FIRST}} · {{FIRST}}–{{LAST}}{{/FIRST}}{{#SUPERSEDED_EXTRA}}; {{COUNT}} {{TEXT}}{{/SUPERSEDED_EXTRA}}</p>
{{#NOTE}}<p class="note">{{VALUE}}</p>{{/NOTE}}
{{#SUGGESTION}}<p class="note">{{L_DID_YOU_MEAN}} <a href="{{HREF}}">{{VALUE}}</a>?</p>{{/SUGGESTION}}
{{#NO_RESULTS}}<p>{{L_NO_RESULTS}}</p>{{/NO_RESULTS}}
<ol class="hits">
{{#HIT}}
<li class="hit">
  <div class="hit-head"><span class="rank">{{RANK}}.</span> <a class="hit-id" href="{{HREF}}">{{ID}}</a> <span class="citation">{{CITATION}}</span> ·
  <span class="dates">{{L_FROM}} {{EFFECTIVE_FROM}}{{#EFFECTIVE_TO}} {{L_TO}} {{EFFECTIVE_TO}}{{/EFFECTIVE_TO}}</span>{{#SUPERSEDED}} <span class="superseded">{{L_SUPERSEDED}}</span>{{/SUPERSEDED}}</div>
  <div class="hit-body" lang="{{LANG}}"><h2><a href="{{HREF}}">{{HEADING}}</a> <span class="tag">{{LANG}}, {{TEXT_KIND}}</span></h2>
  <p class="snippet">{{#SNIPPET_RUN}}{{#MARK}}<mark>{{TEXT}}</mark>{{/MARK}}{{#PLAIN}}{{TEXT}}{{/PLAIN}}{{/SNIPPET_RUN}}</p></div>
  {{#OTHER_LANG}}<div class="hit-body parallel" lang="{{LANG}}"><h2>{{HEADING}} <span class="tag">{{LANG}}, {{TEXT_KIND}}</span></h2>
  <p class="snippet">{{#SNIPPET_RUN}}{{#MARK}}<mark>{{TEXT}}</mark>{{/MARK}}{{#PLAIN}}{{TEXT}}{{/PLAIN}}{{/SNIPPET_RUN}}</p></div>{{/OTHER_LANG}}
  <div class="topics">{{#TOPICS}}<span class="topic">{{VALUE}}</span> {{/TOPICS}}</div>
</li>
{{/HIT}}
</ol>
<nav class="pages">{{#PREV}}<a href="{{PREV_HREF}}" rel="prev">← {{L_PREVIOUS}}</a>{{/PREV}} {{#NEXT}}<a href="{{NEXT_HREF}}" rel="next">{{L_NEXT}} →</a>{{/NEXT}}</nav>
</section>
</div>
{{/SEARCHED}}
{{>FOOTER}}
