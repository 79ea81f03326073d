using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Workshops.Web.Data.Migrations.PostgreSQL
{
    /// <inheritdoc />
    public partial class LocalizedPlacesAndKeptManageToken : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "PlaceEn",
                table: "Workshops",
                type: "character varying(300)",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PlaceSv",
                table: "Workshops",
                type: "character varying(300)",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ProtectedManageToken",
                table: "OutgoingEmails",
                type: "text",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "PlaceEn",
                table: "Workshops");

            migrationBuilder.DropColumn(
                name: "PlaceSv",
                table: "Workshops");

            migrationBuilder.DropColumn(
                name: "ProtectedManageToken",
                table: "OutgoingEmails");
        }
    }
}
