using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Prescriber.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class ClinicTwoFactor : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "RequireTwoFactor",
                table: "Clinics",
                type: "boolean",
                nullable: false,
                defaultValue: false);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "RequireTwoFactor",
                table: "Clinics");
        }
    }
}
