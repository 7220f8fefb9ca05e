using Prescriber.Core.Patients;

namespace Prescriber.Core.Tests.Patients;

public sealed class PatientRulesTests
{
    [Theory]
    [InlineData("europe/london", "Europe/London")]
    [InlineData(" America/New_York ", "America/New_York")]
    [InlineData("UTC", "UTC")]
    public void A_time_zone_is_stored_as_the_database_spells_it(string typed, string stored)
    {
        Assert.True(PatientRules.IsTimeZone(typed.Trim()));
        Assert.Equal(stored, PatientRules.CanonicalTimeZone(typed));
    }

    [Theory]
    [InlineData("London")]
    [InlineData("GMT Standard Time")]
    [InlineData("")]
    public void Names_that_are_not_zones_of_the_database_are_refused(string typed) =>
        Assert.False(PatientRules.IsTimeZone(typed));
}
