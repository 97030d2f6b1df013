var builder = WebApplication.CreateBuilder(args);
var redis = Environment.GetEnvironmentVariable("REDIS_CONNECTION");
var app = builder.Build();
app.MapGet("/", () => Environment.GetEnvironmentVariable("GREETING") ?? "hi");
app.Run();
