using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Prescriber.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class Review : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "ChangedAt",
                table: "Flags",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ChangedBy",
                table: "Flags",
                type: "character varying(256)",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Comment",
                table: "Flags",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "FlagSettings_CriticalPain",
                table: "Clinics",
                type: "integer",
                nullable: false,
                defaultValue: 7);

            migrationBuilder.AddColumn<int>(
                name: "FlagSettings_EasyMaxDifficulty",
                table: "Clinics",
                type: "integer",
                nullable: false,
                defaultValue: 2);

            migrationBuilder.AddColumn<int>(
                name: "FlagSettings_EasyMaxPain",
                table: "Clinics",
                type: "integer",
                nullable: false,
                defaultValue: 2);

            migrationBuilder.AddColumn<int>(
                name: "FlagSettings_EasyMinSessions",
                table: "Clinics",
                type: "integer",
                nullable: false,
                defaultValue: 5);

            migrationBuilder.AddColumn<int>(
                name: "FlagSettings_HardMinDifficulty",
                table: "Clinics",
                type: "integer",
                nullable: false,
                defaultValue: 8);

            migrationBuilder.AddColumn<int>(
                name: "FlagSettings_HardPain",
                table: "Clinics",
                type: "integer",
                nullable: false,
                defaultValue: 6);

            migrationBuilder.AddColumn<int>(
                name: "FlagSettings_HardSessions",
                table: "Clinics",
                type: "integer",
                nullable: false,
                defaultValue: 3);

            migrationBuilder.AddColumn<int>(
                name: "FlagSettings_RisePercent",
                table: "Clinics",
                type: "integer",
                nullable: false,
                defaultValue: 30);

            migrationBuilder.AddColumn<int>(
                name: "FlagSettings_RisePoints",
                table: "Clinics",
                type: "integer",
                nullable: false,
                defaultValue: 2);

            migrationBuilder.AddColumn<int>(
                name: "FlagSettings_SilenceDroppedDays",
                table: "Clinics",
                type: "integer",
                nullable: false,
                defaultValue: 21);

            migrationBuilder.AddColumn<int>(
                name: "FlagSettings_SilenceLowDays",
                table: "Clinics",
                type: "integer",
                nullable: false,
                defaultValue: 2);

            migrationBuilder.AddColumn<int>(
                name: "FlagSettings_SilenceStalledDays",
                table: "Clinics",
                type: "integer",
                nullable: false,
                defaultValue: 14);

            migrationBuilder.CreateTable(
                name: "AuditEvents",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ClinicId = table.Column<Guid>(type: "uuid", nullable: false),
                    At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    Action = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    PatientId = table.Column<Guid>(type: "uuid", nullable: true),
                    Detail = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuditEvents", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AuditEvents_ClinicId_At",
                table: "AuditEvents",
                columns: new[] { "ClinicId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_AuditEvents_PatientId",
                table: "AuditEvents",
                column: "PatientId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AuditEvents");

            migrationBuilder.DropColumn(
                name: "ChangedAt",
                table: "Flags");

            migrationBuilder.DropColumn(
                name: "ChangedBy",
                table: "Flags");

            migrationBuilder.DropColumn(
                name: "Comment",
                table: "Flags");

            migrationBuilder.DropColumn(
                name: "FlagSettings_CriticalPain",
                table: "Clinics");

            migrationBuilder.DropColumn(
                name: "FlagSettings_EasyMaxDifficulty",
                table: "Clinics");

            migrationBuilder.DropColumn(
                name: "FlagSettings_EasyMaxPain",
                table: "Clinics");

            migrationBuilder.DropColumn(
                name: "FlagSettings_EasyMinSessions",
                table: "Clinics");

            migrationBuilder.DropColumn(
                name: "FlagSettings_HardMinDifficulty",
                table: "Clinics");

            migrationBuilder.DropColumn(
                name: "FlagSettings_HardPain",
                table: "Clinics");

            migrationBuilder.DropColumn(
                name: "FlagSettings_HardSessions",
                table: "Clinics");

            migrationBuilder.DropColumn(
                name: "FlagSettings_RisePercent",
                table: "Clinics");

            migrationBuilder.DropColumn(
                name: "FlagSettings_RisePoints",
                table: "Clinics");

            migrationBuilder.DropColumn(
                name: "FlagSettings_SilenceDroppedDays",
                table: "Clinics");

            migrationBuilder.DropColumn(
                name: "FlagSettings_SilenceLowDays",
                table: "Clinics");

            migrationBuilder.DropColumn(
                name: "FlagSettings_SilenceStalledDays",
                table: "Clinics");
        }
    }
}
