using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Workshops.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class WaitingListPositionIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Registrations_WorkshopId_Status",
                table: "Registrations");

            migrationBuilder.CreateIndex(
                name: "IX_Registrations_WorkshopId_Status_ErasedAtUtc",
                table: "Registrations",
                columns: new[] { "WorkshopId", "Status", "ErasedAtUtc" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Registrations_WorkshopId_Status_ErasedAtUtc",
                table: "Registrations");

            migrationBuilder.CreateIndex(
                name: "IX_Registrations_WorkshopId_Status",
                table: "Registrations",
                columns: new[] { "WorkshopId", "Status" });
        }
    }
}
