using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;
using ModelMonitor.Functions.Hosting;

var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureModelMonitor();
builder.Build().Run();
