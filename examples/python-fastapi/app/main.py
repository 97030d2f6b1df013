import os

import boto3
import psycopg
from fastapi import FastAPI

app = FastAPI(title="reports")
s3 = boto3.client("s3")
BUCKET = os.environ["REPORTS_BUCKET"]


@app.get("/")
def health() -> dict:
    return {"ok": True}


@app.post("/reports/{name}")
def save(name: str, body: dict) -> dict:
    s3.put_object(Bucket=BUCKET, Key=f"{name}.json", Body=str(body).encode())
    with psycopg.connect(os.getenv("DATABASE_URL")) as conn:
        conn.execute("insert into reports (name) values (%s)", (name,))
    return {"saved": name}
