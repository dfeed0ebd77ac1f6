{{%AUTOESCAPE context="HTML"}}
{{>HEADER}}
<h1>{{L_LOGIN}}</h1>
{{#FAILED}}<p class="error" id="login-failed">{{L_LOGIN_FAILED}}</p>{{/FAILED}}
<form method="post" action="/login" class="login">
  <input type="hidden" name="csrf" value="{{CSRF}}">
  <input type="hidden" name="back" value="{{BACK}}">
  <label>{{L_USER}} <input name="name" autocomplete="username" required></label>
  <label>{{L_PASSWORD}} <input name="password" type="password" autocomplete="current-password" required></label>
  <button type="submit">{{L_LOGIN}}</button>
</form>
{{>FOOTER}}
