using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Prescriber.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class OutboxLeaseIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_OutboxMessages_LockedUntil",
                table: "OutboxMessages",
                column: "LockedUntil",
                filter: "\"Status\" = 'Sending'");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_OutboxMessages_LockedUntil",
                table: "OutboxMessages");
        }
    }
}
