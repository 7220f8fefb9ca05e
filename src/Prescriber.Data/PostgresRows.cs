using System.Collections;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;
using Prescriber.Core.Clinics;

namespace Prescriber.Data;

/// <summary>
/// Many new rows of one entity type as one PostgreSQL statement:
/// INSERT INTO table (columns) SELECT * FROM unnest(one array per column). EF Core sends one
/// INSERT a row, and under a burst of logging those statements are most of the database's and
/// much of the app's work (docs/performance.md, issue 6). Columns, types and value conversions
/// come from the EF Core model, so a property added to the entity is inserted too.
/// Only for plain rows: every property is read from the entity, no generated values.
/// </summary>
public static class PostgresRows
{
    public static NpgsqlBatchCommand Insert<T>(AppDbContext db, IReadOnlyCollection<T> rows) where T : class
    {
        foreach (var owned in rows.OfType<IClinicOwned>())
        {
            // What SaveChanges would check: a new row names its clinic, the caller's if it has one.
            db.GuardNewRow(owned);
        }

        var entityType = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model.");
        if (entityType.GetNavigations().Any(n => n.TargetEntityType.IsOwned()) || entityType.GetComplexProperties().Any())
        {
            // Owned and complex types (JSON columns among them) are not in GetProperties: they would be left out.
            throw new NotSupportedException($"{typeof(T).Name} has owned or complex parts; insert it through EF Core.");
        }

        var table = StoreObjectIdentifier.Table(entityType.GetTableName()!, entityType.GetSchema());
        var columns = new List<string>();
        var command = new NpgsqlBatchCommand();
        foreach (var property in entityType.GetProperties())
        {
            if (property.IsShadowProperty() || property.ValueGenerated != ValueGenerated.Never && property.ValueGenerated != ValueGenerated.OnAdd)
            {
                throw new NotSupportedException($"{typeof(T).Name}.{property.Name} is not a plain column; insert it through EF Core.");
            }

            var mapping = property.GetRelationalTypeMapping();
            var converter = property.GetValueConverter() ?? mapping.Converter;
            var providerType = converter?.ProviderClrType ?? property.ClrType;
            if (providerType.IsValueType && property.IsNullable && Nullable.GetUnderlyingType(providerType) is null)
            {
                providerType = typeof(Nullable<>).MakeGenericType(providerType);
            }

            var values = Array.CreateInstance(providerType, rows.Count);
            var getter = property.GetGetter();
            var i = 0;
            foreach (var row in rows)
            {
                var value = getter.GetClrValue(row);
                values.SetValue(converter is null || value is null ? value : converter.ConvertToProvider(value), i++);
            }

            columns.Add($"\"{property.GetColumnName(table)}\"");
            // The column's own type (uuid, date, timestamp with time zone, ...), without a length.
            var storeType = property.GetColumnType(table);
            var bracket = storeType.IndexOf('(', StringComparison.Ordinal);
            command.Parameters.Add(new NpgsqlParameter { Value = (IList)values, DataTypeName = (bracket < 0 ? storeType : storeType[..bracket]).Trim() + "[]" });
        }

        var placeholders = string.Join(", ", Enumerable.Range(1, columns.Count).Select(n => $"${n}"));
        command.CommandText = $"INSERT INTO \"{table.Name}\" ({string.Join(", ", columns)}) SELECT * FROM unnest({placeholders})";
        return command;
    }
}
