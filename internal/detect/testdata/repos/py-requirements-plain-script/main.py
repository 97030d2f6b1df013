import os
import time

import boto3

sqs = boto3.client("sqs", region_name=os.getenv("AWS_REGION"))
QUEUE_URL = os.environ["QUEUE_URL"]

while True:
    sqs.receive_message(QueueUrl=QUEUE_URL)
    time.sleep(5)
