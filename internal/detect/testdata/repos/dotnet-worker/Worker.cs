public class Worker : BackgroundService
{
    private readonly string _queue = Environment.GetEnvironmentVariable("QUEUE_URL") ?? "";
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            await Task.Delay(1000, stoppingToken);
        }
    }
}
