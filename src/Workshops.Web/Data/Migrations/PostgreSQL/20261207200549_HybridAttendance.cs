using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Workshops.Web.Data.Migrations.PostgreSQL
{
    /// <inheritdoc />
    public partial class HybridAttendance : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "Hybrid_OnlineCapacity",
                table: "Workshops",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Mode",
                table: "Registrations",
                type: "character varying(20)",
                maxLength: 20,
                nullable: false,
                defaultValue: "OnSite");

            // Registrations of online workshops attend online (the mode follows the format until a workshop turns hybrid).
            migrationBuilder.Sql("UPDATE \"Registrations\" SET \"Mode\" = 'Online' WHERE \"WorkshopId\" IN (SELECT \"Id\" FROM \"Workshops\" WHERE \"Format\" = 'Online')");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Hybrid_OnlineCapacity",
                table: "Workshops");

            migrationBuilder.DropColumn(
                name: "Mode",
                table: "Registrations");
        }
    }
}
