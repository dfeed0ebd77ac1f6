{{%AUTOESCAPE context="HTML"}}
{{>HEADER}}
<h1 id="submission-title">{{TITLE}}</h1>
{{#HAS_ERROR}}<pre class="error" id="error-message">{{MESSAGE}}</pre>{{/HAS_ERROR}}
<p class="meta">{{ID}} · {{FILE_NAME}} ({{FORMAT}}, {{CHARSET}}, {{LANG}}){{#SENDER}} · {{L_SENDER}}: <span id="sender">{{SENDER}}</span>{{/SENDER}}{{#RECEIVED}} · {{L_RECEIVED}} {{RECEIVED}}{{/RECEIVED}} · {{L_FILED}} {{ADDED_AT}} {{L_BY}} {{ADDED_BY}}</p>
<div class="submission-layout">
<section class="submission-text">
<h2>{{L_TEXT}}</h2>
<pre class="text" id="submission-text">{{TEXT:pre_escape}}</pre>
</section>
<section class="linking" id="links">
<h2>{{L_CURRENT_LINKS}}</h2>
<ul class="links">
{{#ACTIVE_LINK}}<li><a href="{{HREF}}">{{TARGET}}</a> <span class="tag">{{KIND}}, {{HOW}}, {{L_BY}} {{BY}}</span>{{#NOTE}} · {{NOTE}}{{/NOTE}}
  <form method="post" action="{{ACTION}}" class="inline">
    <input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="action" value="remove"><input type="hidden" name="ids" value="{{TARGET}}">
    <input name="note" placeholder="{{L_NOTE}}" aria-label="{{L_NOTE}}"><button type="submit" class="remove">{{L_REMOVE}}</button>
  </form></li>{{/ACTIVE_LINK}}
</ul>
<h2>{{L_SUGGESTIONS}}</h2>
<form method="post" action="{{ACTION}}" class="inline">
  <input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="action" value="accept"><input type="hidden" name="top" value="3">
  <button type="submit" id="accept-top">{{L_ACCEPT_TOP}} (3)</button>
</form>
<ol class="suggestions">
{{#SUGGESTION}}<li class="suggestion">
  <a href="{{HREF}}">{{ID}}</a> <span class="tag">{{KIND}}, {{L_SCORE}} {{SCORE}}</span>
  {{#CAN_ACCEPT}}<form method="post" action="{{ACTION}}" class="inline">
    <input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="action" value="accept"><input type="hidden" name="ids" value="{{ID}}">
    <input name="note" placeholder="{{L_NOTE}}" aria-label="{{L_NOTE}}"><button type="submit" class="accept">{{L_ACCEPT}}</button>
  </form>{{/CAN_ACCEPT}}{{#ALREADY}}<span class="tag">✓</span>{{/ALREADY}}
  <div class="heading">{{HEADING}}</div>
  {{#HAS_THEN_NOW}}<div class="then-now">{{THEN_NOW}}</div>{{/HAS_THEN_NOW}}
  {{#WHY}}<div class="why"><strong>{{L_WHY}}:</strong>
    {{#HAS_CONCEPTS}}{{L_CONCEPTS}}: {{CONCEPT_LIST}}. {{/HAS_CONCEPTS}}{{#HAS_WORDS}}{{L_WORDS}}: {{WORD_LIST}}{{/HAS_WORDS}}
    <blockquote>{{SUBMISSION_SNIPPET}}</blockquote><blockquote>{{PROVISION_SNIPPET}}</blockquote></div>{{/WHY}}
</li>{{/SUGGESTION}}
</ol>
<h2>{{L_ADD_LINK}}</h2>
<form method="get" action="#links" class="inline">
  <input type="search" name="find" value="{{FIND}}" placeholder="{{L_FIND_PROVISION}}" aria-label="{{L_FIND_PROVISION}}"><button type="submit">{{L_SEARCH}}</button>
</form>
{{#FOUND_SECTION}}<ul class="found">{{#FOUND}}<li><a href="{{HREF}}">{{ID}}</a> {{HEADING}}
  {{#CAN_ADD}}<form method="post" action="{{ACTION}}" class="inline">
    <input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="action" value="add"><input type="hidden" name="ids" value="{{ID}}">
    <input name="note" placeholder="{{L_NOTE}}" aria-label="{{L_NOTE}}"><button type="submit">{{L_ADD_LINK}}</button>
  </form>{{/CAN_ADD}}{{#ALREADY}}<span class="tag">✓</span>{{/ALREADY}}</li>{{/FOUND}}</ul>{{/FOUND_SECTION}}
<form method="post" action="{{ACTION}}" class="add-link">
  <input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="action" value="add">
  <label>{{L_PROVISION_ID}} <input name="ids" required></label>
  <label>{{L_NOTE}} <input name="note"></label>
  <button type="submit">{{L_ADD_LINK}}</button>
</form>
<h2>{{L_HISTORY}}</h2>
<ul class="history">{{#HISTORY_LINK}}<li><a href="{{HREF}}">{{TARGET}}</a> <span class="tag">{{HOW}}, {{L_BY}} {{BY}}, {{AT}}</span>{{#NOTE}} · {{NOTE}}{{/NOTE}}{{#REMOVED_BY}} · {{L_REMOVED_BY}} {{REMOVED_BY}} {{REMOVED_AT}}{{#REMOVAL_NOTE}} ({{REMOVAL_NOTE}}){{/REMOVAL_NOTE}}{{/REMOVED_BY}}</li>{{/HISTORY_LINK}}</ul>
</section>
</div>
{{>FOOTER}}
