using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;

namespace Prescriber.Web.Features.Common;

/// <summary>
/// The random secrets behind one-use links (first-admin setup, invitations, email sign-in): the
/// link carries the token, the database keeps only its hash, so a copy of the database opens nothing.
/// </summary>
public static class OneTimeToken
{
    public static string New() => WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));

    public static string Hash(string token) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
