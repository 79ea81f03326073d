using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Workshops.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class LocalizedPlaces : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "PlaceEn",
                table: "Workshops",
                type: "TEXT",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PlaceSv",
                table: "Workshops",
                type: "TEXT",
                maxLength: 300,
                nullable: true);

            // Databases seeded before places had languages: give the two seeded Finnish town names their Swedish form.
            migrationBuilder.Sql("UPDATE Workshops SET PlaceSv = 'Raumo' WHERE Place = 'Rauma' AND PlaceSv IS NULL;");
            migrationBuilder.Sql("UPDATE Workshops SET PlaceSv = 'SuomiAreena, Björneborg' WHERE Place = 'SuomiAreena, Pori' AND PlaceSv IS NULL;");
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
        }
    }
}
