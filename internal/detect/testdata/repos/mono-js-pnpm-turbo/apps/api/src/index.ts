import express from "express";
import { SQSClient } from "@aws-sdk/client-sqs";

const sqs = new SQSClient({});
const queueUrl = process.env.ORDERS_QUEUE_URL;
const app = express();
app.listen(process.env.PORT ?? 4000);
