{{%AUTOESCAPE context="HTML"}}
<!DOCTYPE html>
<html lang="{{UI_LANG}}">
<head>
<meta charset="utf-8">
<title>{{L_ERROR}} {{STATUS}} · Provisio</title>
<link rel="stylesheet" href="/static/style.css">
</head>
<body>
<header class="top"><a class="brand" href="/">Provisio</a>
  <nav><a href="/search">{{L_SEARCH}}</a> <a href="/submissions">{{L_SUBMISSIONS}}</a> <a href="/report">{{L_REPORT}}</a></nav>
</header>
<main>
<h1>{{L_ERROR}} {{STATUS}}</h1>
<p class="error" id="error-message">{{MESSAGE}}</p>
</main>
</body>
</html>
