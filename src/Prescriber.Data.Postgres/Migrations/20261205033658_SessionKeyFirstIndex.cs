using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Prescriber.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class SessionKeyFirstIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_SessionLogs_PatientId_IdempotencyKey",
                table: "SessionLogs");

            migrationBuilder.CreateIndex(
                name: "IX_SessionLogs_IdempotencyKey_PatientId",
                table: "SessionLogs",
                columns: new[] { "IdempotencyKey", "PatientId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SessionLogs_PatientId_LocalDate",
                table: "SessionLogs",
                columns: new[] { "PatientId", "LocalDate" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_SessionLogs_IdempotencyKey_PatientId",
                table: "SessionLogs");

            migrationBuilder.DropIndex(
                name: "IX_SessionLogs_PatientId_LocalDate",
                table: "SessionLogs");

            migrationBuilder.CreateIndex(
                name: "IX_SessionLogs_PatientId_IdempotencyKey",
                table: "SessionLogs",
                columns: new[] { "PatientId", "IdempotencyKey" },
                unique: true);
        }
    }
}
