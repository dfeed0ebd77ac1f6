{{%AUTOESCAPE context="HTML"}}
{{>HEADER}}
<h1>{{L_REPORT}}</h1>
<form method="get" action="/report" class="filters">
  <label>{{L_REPORT_BY}} <select name="by">{{#BY_OPTION}}<option value="{{VALUE}}" {{#SELECTED}}selected{{/SELECTED}}>{{LABEL}}</option>{{/BY_OPTION}}</select></label>
  <label>{{L_LANGUAGE}} <select name="lang">{{#LANG_OPTION}}<option value="{{VALUE}}" {{#SELECTED}}selected{{/SELECTED}}>{{VALUE}}</option>{{/LANG_OPTION}}</select></label>
  <button type="submit">{{L_FILTER}}</button>
</form>
<p class="meta">{{SUBMISSIONS_TOTAL}} {{L_SUBMISSIONS_TOTAL}} · {{L_DOWNLOAD}}: {{#DOWNLOAD}}<a class="download" id="download-{{FORMAT}}" href="{{HREF}}">{{FORMAT}}</a> {{/DOWNLOAD}}</p>
{{#NO_ROWS}}<p>{{L_NO_ROWS}}</p>{{/NO_ROWS}}
{{#CHART}}
<svg class="chart" id="chart" xmlns="http://www.w3.org/2000/svg" width="{{WIDTH}}" height="{{HEIGHT}}" viewBox="0 0 {{WIDTH}} {{HEIGHT}}" role="img">
{{#BAR}}<g><text x="{{LABEL_X}}" y="{{TEXT_Y}}" text-anchor="end">{{LABEL}}</text><rect x="{{BAR_X}}" y="{{Y}}" width="{{BAR_WIDTH}}" height="{{BAR_HEIGHT}}"></rect><text x="{{TEXT_X}}" y="{{TEXT_Y}}">{{VALUE}}</text></g>
{{/BAR}}
</svg>
{{/CHART}}
<table class="list" id="report-table">
<thead><tr><th>ID</th><th>{{L_HEADING}}</th><th>{{L_COUNT}}</th><th>{{L_SUBMISSIONS}}</th></tr></thead>
<tbody>
{{#ROW}}<tr><td>{{#LINKED}}<a href="{{HREF}}">{{KEY}}</a>{{/LINKED}}{{#PLAIN}}{{KEY}}{{/PLAIN}}</td><td>{{HEADING}}</td><td class="num">{{COUNT}}</td><td>{{#ENTRY}}<a href="{{HREF}}">{{ID}}</a>{{#CAMPAIGN}} <span class="campaign" title="{{LEAD}}">×{{SIGNED}}</span>{{/CAMPAIGN}} {{/ENTRY}}</td></tr>{{/ROW}}
</tbody>
</table>
{{>FOOTER}}
