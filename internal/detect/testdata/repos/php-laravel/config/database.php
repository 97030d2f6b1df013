<?php

return [
    'default' => env('DB_CONNECTION', 'sqlite'),
    'connections' => [
        'pgsql' => [
            'host' => env('DB_HOST', '127.0.0.1'),
            'password' => env('DB_PASSWORD', ''),
        ],
    ],
    'redis' => ['client' => env('REDIS_CLIENT', 'predis')],
];
