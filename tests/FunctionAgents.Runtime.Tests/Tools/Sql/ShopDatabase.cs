using FunctionAgents.Runtime.Tools.Sql;

namespace FunctionAgents.Runtime.Tests.Tools.Sql;

/// <summary>The sample shop database, built once per test run from the committed samples/shop/shop.sql.</summary>
internal static class ShopDatabase
{
    private static readonly Lazy<string> Built = new(() =>
    {
        var path = System.IO.Path.Combine(AppContext.BaseDirectory, "shop-tests.db");
        SampleShopDatabase.EnsureCreated(SamplePaths.ShopSql, path);
        return path;
    });

    public static string FilePath => Built.Value;
}
