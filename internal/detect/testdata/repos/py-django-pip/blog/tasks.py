import os

from celery import shared_task


@shared_task
def send_digest():
    sender = os.getenv("DIGEST_SENDER")
    return sender
