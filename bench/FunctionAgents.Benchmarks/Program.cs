using FunctionAgents.Benchmarks;

return await BenchmarkVerbs.RunAsync(args, Console.Out, CancellationToken.None);
