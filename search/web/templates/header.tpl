{{%AUTOESCAPE context="HTML"}}
<!DOCTYPE html>
<html lang="{{UI_LANG}}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{PAGE_TITLE}} · Provisio</title>
<link rel="stylesheet" href="/static/style.css">
<script src="/static/app.js" defer></script>
</head>
<body>
<header class="top">
  <a class="brand" href="/">Provisio</a>
  <nav>
    <a href="/search" {{#NAV_search}}class="here"{{/NAV_search}}>{{L_SEARCH}}</a>
    <a href="/submissions" {{#NAV_submissions}}class="here"{{/NAV_submissions}}{{#NAV_submission}}class="here"{{/NAV_submission}}>{{L_SUBMISSIONS}}</a>
    <a href="/report" {{#NAV_report}}class="here"{{/NAV_report}}>{{L_REPORT}}</a>
  </nav>
  <div class="who">
    <a class="ui-toggle" href="{{UI_HREF}}" id="ui-toggle">{{L_INTERFACE}}</a>
    {{#LOGGED_IN}}
    <span class="user">{{USER}}</span>
    <form method="post" action="/logout" class="inline">
      <input type="hidden" name="csrf" value="{{CSRF}}">
      <button type="submit">{{L_LOGOUT}}</button>
    </form>
    {{/LOGGED_IN}}
  </div>
</header>
<main>
