env    = "stage"
queues = ["jobs", "mail"]
