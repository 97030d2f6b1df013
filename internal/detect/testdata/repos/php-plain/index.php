<?php
$pdo = new PDO(getenv('DATABASE_DSN'), getenv('DATABASE_USER'));
echo "Hello from " . $_SERVER['REQUEST_URI'];
