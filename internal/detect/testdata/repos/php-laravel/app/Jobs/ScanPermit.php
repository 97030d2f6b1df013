<?php

namespace App\Jobs;

use Aws\S3\S3Client;
use Illuminate\Contracts\Queue\ShouldQueue;

class ScanPermit implements ShouldQueue
{
    public function handle(): void
    {
        $s3 = new S3Client(['region' => getenv('AWS_DEFAULT_REGION')]);
        $ua = $_SERVER['HTTP_USER_AGENT'] ?? '';
        $bucket = $_SERVER['PERMITS_BUCKET'];
    }
}
