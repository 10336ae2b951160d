using FunctionAgents.Cli;

using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancellation.Cancel();
};
return await FaApp.RunAsync(args, CliContext.FromConsole(), cancellation.Token);
