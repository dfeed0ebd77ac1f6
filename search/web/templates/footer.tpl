{{%AUTOESCAPE context="HTML"}}
</main>
<footer class="bottom">Provisio · CEPA · GBA</footer>
</body>
</html>
