<?php

namespace App;

class Kernel
{
    public function mailer(): string
    {
        return $_ENV['MAILER_DSN'] ?? 'null://null';
    }
}
