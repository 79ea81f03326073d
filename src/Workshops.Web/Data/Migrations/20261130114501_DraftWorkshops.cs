using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Workshops.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class DraftWorkshops : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "PublishedAtUtc",
                table: "Workshops",
                type: "TEXT",
                nullable: true);

            // Every workshop so far was public from its creation (copies too, as closed workshops): it stays published.
            migrationBuilder.Sql("""UPDATE "Workshops" SET "PublishedAtUtc" = "CreatedAtUtc";""");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "PublishedAtUtc",
                table: "Workshops");
        }
    }
}
