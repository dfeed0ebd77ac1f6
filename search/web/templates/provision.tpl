{{%AUTOESCAPE context="HTML"}}
{{>HEADER}}
<article class="provision">
<h1 id="provision-id">{{ID}}</h1>
<ul class="citations">{{#CITATION}}<li lang="{{LANG}}">{{VALUE}} <span class="tag">{{LANG}}</span></li>{{/CITATION}}</ul>
<p class="meta">{{#DIVISIONS}}<span class="division">{{VALUE}}</span>{{#DIVISIONS_separator}} › {{/DIVISIONS_separator}}{{/DIVISIONS}}</p>
<p class="meta">{{L_INSTRUMENT}}: <a href="/search?q=instrument%3A{{INSTRUMENT}}">{{INSTRUMENT}}</a> · {{L_TOPICS}}: {{#TOPICS}}<a class="topic" href="/search?q=topic%3A{{VALUE}}">{{VALUE}}</a> {{/TOPICS}}</p>
<p class="meta"><a id="script-toggle" href="{{SCRIPT_HREF}}">{{SCRIPT_LABEL}}</a></p>
<p class="meta">{{L_SEE_ALSO}}: {{#REF}}<a class="ref" href="{{HREF}}">{{ID}}</a> {{/REF}}</p>
{{#RELATION_LIST}}<p class="meta">{{L_RELATIONS}}: {{#RELATION}}<span class="relation">{{TYPE}} <a href="{{HREF}}">{{TO}}</a></span> {{/RELATION}}</p>{{/RELATION_LIST}}
{{#LINE}}<section class="line" id="line"><h2>{{L_LINE}}: {{NAME}}</h2>
<p class="meta">{{L_LINE_HELP}} · {{L_FROM}} {{SINCE}}</p>
<ol class="line-members">{{#MEMBER}}<li>{{#HERE}}<strong>{{ID}}</strong> <span class="tag">{{L_YOU_ARE_HERE}}</span>{{/HERE}}{{#ELSEWHERE}}<a href="{{HREF}}">{{ID}}</a>{{/ELSEWHERE}}</li>{{/MEMBER}}</ol>
</section>{{/LINE}}

<h2>{{L_VERSIONS}}</h2>
{{#VERSION}}
<section class="version{{#CURRENT}} current{{/CURRENT}}">
  <h3>{{L_VERSION}} {{NUMBER}}/{{OF}}: {{L_FROM}} {{EFFECTIVE_FROM}}{{#EFFECTIVE_TO}} {{L_TO}} {{EFFECTIVE_TO}} <span class="superseded">{{L_SUPERSEDED}}</span>{{/EFFECTIVE_TO}}{{#CURRENT}} <span class="in-force">{{L_IN_FORCE}}</span>{{/CURRENT}}</h3>
  <div class="verification"><strong>{{L_VERIFICATION}}:</strong> {{#BY}}{{L_BY}} {{BY}}. {{/BY}}{{#APPROX}}({{L_APPROX}} {{APPROX}}) {{/APPROX}}{{#NOTES}}<span class="note">{{VALUE}}</span> {{/NOTES}}</div>
  <div class="side-by-side">
  {{#TEXT}}
    <div class="text" lang="{{LANG}}">
      <h4>{{HEADING}} <span class="tag">{{LANG}}, {{KIND}}{{#DIGEST}}: {{L_DIGEST_NOTE}}{{/DIGEST}}</span></h4>
      <p class="body">{{BODY:pre_escape}}</p>
    </div>
  {{/TEXT}}
  </div>
</section>
{{/VERSION}}

{{#CAN_COMPARE}}
<h2 id="compare">{{L_DIFF}}</h2>
<form method="get" action="#compare" class="compare">
  <label>{{L_FROM}} <select name="from">{{#FROM_OPTION}}<option value="{{VALUE}}" {{#SELECTED}}selected{{/SELECTED}}>{{VALUE}}</option>{{/FROM_OPTION}}</select></label>
  <label>{{L_TO}} <select name="to">{{#TO_OPTION}}<option value="{{VALUE}}" {{#SELECTED}}selected{{/SELECTED}}>{{VALUE}}</option>{{/TO_OPTION}}</select></label>
  <label>{{L_LANGUAGE}} <select name="dlang">{{#DLANG_OPTION}}<option value="{{VALUE}}" {{#SELECTED}}selected{{/SELECTED}}>{{VALUE}}</option>{{/DLANG_OPTION}}</select></label>
  <button type="submit">{{L_COMPARE}}</button>
</form>
{{/CAN_COMPARE}}
{{#COMPARISON}}
<section class="diff" id="diff">
  {{#SINGLE}}<p>{{L_SINGLE_VERSION}}</p>{{/SINGLE}}
  {{#UNCHANGED}}<p>{{L_NO_CHANGE}}</p>{{/UNCHANGED}}
  {{#FROM}}<p class="meta">{{L_FROM}} {{EFFECTIVE_FROM}} ({{TEXT_KIND}}) →{{/FROM}} {{#TO}}{{EFFECTIVE_FROM}} ({{TEXT_KIND}}){{/TO}}</p>
  <h4>{{#HEADING_OP}}{{#DEL}}<del>{{TEXT}}</del>{{/DEL}}{{#INS}}<ins>{{TEXT}}</ins>{{/INS}}{{#SAME}}{{TEXT}}{{/SAME}}{{/HEADING_OP}}</h4>
  <p class="body">{{#TEXT_OP}}{{#DEL}}<del>{{TEXT:pre_escape}}</del>{{/DEL}}{{#INS}}<ins>{{TEXT:pre_escape}}</ins>{{/INS}}{{#SAME}}{{TEXT:pre_escape}}{{/SAME}}{{/TEXT_OP}}</p>
</section>
{{/COMPARISON}}

<h2>{{L_LINKED_SUBMISSIONS}}</h2>
{{#NO_LINKED}}<p>{{L_NO_LINKED}}</p>{{/NO_LINKED}}
<ul class="linked">{{#LINKED}}<li><a href="{{HREF}}">{{SUBMISSION}}</a> <span class="tag">{{HOW}}, {{L_BY}} {{BY}}, {{AT}}</span>{{#NOTE}} · {{NOTE}}{{/NOTE}}</li>{{/LINKED}}</ul>
</article>
{{>FOOTER}}
