Console.WriteLine(Environment.GetEnvironmentVariable("JOB_NAME"));
