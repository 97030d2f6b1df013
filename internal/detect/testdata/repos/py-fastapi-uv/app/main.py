import os

import boto3
from fastapi import FastAPI

app = FastAPI(title="orders")
s3 = boto3.client("s3")
BUCKET = os.environ["ORDERS_BUCKET"]


@app.get("/health")
def health():
    return {"ok": True, "db": os.environ.get("DATABASE_URL") is not None}
