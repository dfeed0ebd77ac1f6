{{%AUTOESCAPE context="HTML"}}
{{>HEADER}}
<h1>{{L_SUBMISSIONS}}</h1>
{{#HAS_ERROR}}<pre class="error" id="error-message">{{ERROR}}</pre>{{/HAS_ERROR}}
<section class="upload">
<h2>{{L_UPLOAD}}</h2>
<form method="post" action="/submissions" enctype="multipart/form-data" id="upload-form">
  <input type="hidden" name="csrf" value="{{CSRF}}">
  <div class="dropzone" id="dropzone">
    <p>{{L_UPLOAD_HELP}}</p>
    <input type="file" name="file" id="file-input" multiple accept=".txt,.eml,.html,.htm,.docx" required>
    <ul class="chosen" id="chosen-files" aria-live="polite"></ul>
  </div>
  <label>{{L_SENDER}} <input name="from"></label>
  <label>{{L_RECEIVED}} <input type="date" name="received"></label>
  <button type="submit" id="upload-button">{{L_UPLOAD}}</button>
</form>
</section>
<section class="inbox">
<h2>{{L_INBOX}}</h2>
<form method="get" action="/submissions" class="filters">
  <label><input type="checkbox" name="unlinked" value="1" {{#UNLINKED_CHECKED}}checked{{/UNLINKED_CHECKED}}> {{L_UNLINKED_ONLY}}</label>
  <label>{{L_LANGUAGE}} <select name="lang"><option value="">{{L_ANY}}</option>{{#LANG_OPTION}}<option value="{{VALUE}}" {{#SELECTED}}selected{{/SELECTED}}>{{VALUE}}</option>{{/LANG_OPTION}}</select></label>
  <label>{{L_SENDER}} <input name="sender" value="{{SENDER}}"></label>
  <label>{{L_RECEIVED_FROM}} <input type="date" name="received_from" value="{{RECEIVED_FROM}}"></label>
  <label>{{L_TO}} <input type="date" name="received_to" value="{{RECEIVED_TO}}"></label>
  <button type="submit">{{L_FILTER}}</button>
</form>
{{#NO_SUBMISSIONS}}<p>{{L_NO_SUBMISSIONS}}</p>{{/NO_SUBMISSIONS}}
<table class="list">
<thead><tr><th>ID</th><th>{{L_SUBJECT}}</th><th>{{L_SENDER}}</th><th>{{L_RECEIVED}}</th><th>{{L_LANGUAGE}}</th><th>{{L_LINKS}}</th></tr></thead>
<tbody>
{{#SUBMISSION}}<tr{{#UNLINKED}} class="unlinked"{{/UNLINKED}}><td><a href="{{HREF}}">{{ID}}</a></td><td>{{TITLE}}</td><td>{{SENDER}}</td><td>{{RECEIVED}}</td><td>{{LANG}}</td><td>{{LINKS}}</td></tr>{{/SUBMISSION}}
</tbody>
</table>
</section>
{{>FOOTER}}
