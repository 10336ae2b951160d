using FunctionAgents.Http.Routing;
using FunctionAgents.Runtime.Privacy;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace FunctionAgents.Http.Privacy;

/// <summary>Registers and maps the data-subject API (docs/privacy.md).</summary>
public static class PrivacyEndpoints
{
    /// <summary>Registers <see cref="SubjectsApi"/>; call after <c>AddFunctionAgentsPrivacy</c>.</summary>
    /// <exception cref="FormatException"><c>FA_ADMIN_KEYS</c> is malformed.</exception>
    public static IServiceCollection AddFunctionAgentsPrivacyHttp(this IServiceCollection services, Func<string, string?> getSetting)
    {
        ArgumentNullException.ThrowIfNull(getSetting);
        services.AddSingleton(AdminKeyRing.Parse(getSetting(PrivacySettingNames.AdminKeys)));
        services.AddSingleton<SubjectsApi>();
        return services;
    }

    /// <summary>Maps the data-subject routes (erase, find runs) when the host registered <see cref="SubjectsApi"/>; call before the API's fallback route.</summary>
    public static IEndpointRouteBuilder MapFunctionAgentsPrivacy(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        if (endpoints.ServiceProvider.GetService<IServiceProviderIsService>()?.IsService(typeof(SubjectsApi)) == true)
        {
            endpoints.MapPost(ApiRoutes.EraseSubject, (HttpContext c, SubjectsApi api, string subjectId) => api.EraseAsync(c, subjectId));
            endpoints.MapGet(ApiRoutes.SubjectRuns, (HttpContext c, SubjectsApi api, string subjectId) => api.FindRunsAsync(c, subjectId));
        }

        return endpoints;
    }
}
