from fastapi import FastAPI
from os import getenv

api: FastAPI = FastAPI()
MONGO_URL = getenv("MONGO_URL", "mongodb://localhost")
