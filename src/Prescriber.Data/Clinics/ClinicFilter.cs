using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Prescriber.Core.Clinics;

namespace Prescriber.Data.Clinics;

/// <summary>Builds "row.ClinicId == context.CurrentClinicId" for every clinic-owned entity type.</summary>
internal static class ClinicFilter
{
    public static void Apply(ModelBuilder builder, Type entityType, AppDbContext context)
    {
        var row = Expression.Parameter(entityType, "row");
        var rowClinic = Expression.Convert(Expression.Property(row, nameof(IClinicOwned.ClinicId)), typeof(Guid?));
        var current = Expression.Property(Expression.Constant(context), nameof(AppDbContext.CurrentClinicId));
        var lambda = Expression.Lambda(Expression.Equal(rowClinic, current), row);
        builder.Entity(entityType).HasQueryFilter(lambda);
    }
}
