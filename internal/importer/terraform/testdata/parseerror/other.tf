resource "aws_sqs_queue" "second" {
  name = "second"
}
