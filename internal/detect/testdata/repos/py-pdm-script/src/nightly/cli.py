import os

import pymongo


def main():
    client = pymongo.MongoClient(os.environ["MONGO_URI"])
    print(client.list_database_names(), os.environ.get("REPORT_RECIPIENT"))
