from fastapi import FastAPI

fake = FastAPI()
