using Microsoft.AspNetCore.Identity;

namespace Prescriber.Web.Features.Account;

/// <summary>
/// Password rules in words a patient or a receptionist reads without help: Identity's own say
/// "at least one digit ('0'-'9')". Only the messages change; the rules are set in AccountExtensions.
/// </summary>
public sealed class PlainPasswordErrors : IdentityErrorDescriber
{
    public override IdentityError PasswordTooShort(int length) =>
        new() { Code = nameof(PasswordTooShort), Description = $"The password needs at least {length} characters." };

    public override IdentityError PasswordRequiresDigit() =>
        new() { Code = nameof(PasswordRequiresDigit), Description = "The password needs a number (0 to 9) somewhere in it." };

    public override IdentityError PasswordRequiresLower() =>
        new() { Code = nameof(PasswordRequiresLower), Description = "The password needs a small letter (a to z)." };

    public override IdentityError PasswordRequiresUpper() =>
        new() { Code = nameof(PasswordRequiresUpper), Description = "The password needs a capital letter (A to Z)." };

    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) =>
        new() { Code = nameof(PasswordRequiresUniqueChars), Description = $"The password needs at least {uniqueChars} different characters." };
}
