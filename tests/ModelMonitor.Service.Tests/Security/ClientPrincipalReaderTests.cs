using System.Text;
using ModelMonitor.Service.Security;

namespace ModelMonitor.Service.Tests.Security;

public sealed class ClientPrincipalReaderTests
{
    [Fact]
    public void Read_PlatformHeaders_YieldsNameAndRoles()
    {
        var result = ClientPrincipalReader.Read(Principals.Encode("ana@contoso.com", "reader", "Operator"), "aad", "ana@contoso.com");

        Assert.Null(result.Error);
        Assert.Equal("ana@contoso.com", result.Principal!.Name);
        Assert.True(result.Principal.IsInRole(OpsRoles.Reader));
        Assert.True(result.Principal.IsInRole(OpsRoles.Operator));
        Assert.False(result.Principal.IsInRole(OpsRoles.Approver));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("%%%not-base64%%%")]
    [InlineData("bm90IGpzb24=")]
    [InlineData("WzEsMl0=")]
    [InlineData("e30=")]
    [InlineData("eyJhdXRoX3R5cCI6ImFhZCJ9")]
    public void Read_MissingOrUndecodable_IsRefused(string? header)
    {
        var result = ClientPrincipalReader.Read(header, "aad", "ana@contoso.com");

        Assert.Null(result.Principal);
        Assert.NotNull(result.Error);
    }

    [Fact]
    public void Read_ForgedWithoutThePlatformIdentityProviderHeader_IsRefused()
    {
        var result = ClientPrincipalReader.Read(Principals.Encode("mallory", "operator"), identityProviderHeader: null, nameHeader: null);

        Assert.Null(result.Principal);
    }

    [Fact]
    public void Read_NameHeaderDisagreesWithTheClaims_IsRefused()
    {
        var result = ClientPrincipalReader.Read(Principals.Encode("mallory", "approver"), "aad", "ana@contoso.com");

        Assert.Null(result.Principal);
    }

    [Fact]
    public void Read_MalformedClaim_IsRefused()
    {
        var header = Convert.ToBase64String(Encoding.UTF8.GetBytes("""{"auth_typ":"aad","claims":[{"typ":"roles","val":5}]}"""));

        Assert.Null(ClientPrincipalReader.Read(header, "aad", "x").Principal);
    }
}
