using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Workshops.Web.Data.Migrations.PostgreSQL
{
    /// <inheritdoc />
    public partial class OutsideRecipientsAndModerationLimits : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "SentBy",
                table: "ResultsMailings",
                type: "character varying(256)",
                maxLength: 256,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "OutsideRecipients",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    WorkshopId = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Email = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: false),
                    EmailNormalized = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: false),
                    Language = table.Column<string>(type: "character varying(5)", maxLength: 5, nullable: false),
                    AddedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    AddedAtUtc = table.Column<DateTime>(type: "timestamp without time zone", nullable: false),
                    ErasedAtUtc = table.Column<DateTime>(type: "timestamp without time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OutsideRecipients", x => x.Id);
                    table.ForeignKey(
                        name: "FK_OutsideRecipients_Workshops_WorkshopId",
                        column: x => x.WorkshopId,
                        principalTable: "Workshops",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ResultsMailings_SentBy_AtUtc",
                table: "ResultsMailings",
                columns: new[] { "SentBy", "AtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_Proposals_WorkshopId_CreatedAtUtc",
                table: "Proposals",
                columns: new[] { "WorkshopId", "CreatedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_OutsideRecipients_WorkshopId_EmailNormalized",
                table: "OutsideRecipients",
                columns: new[] { "WorkshopId", "EmailNormalized" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "OutsideRecipients");

            migrationBuilder.DropIndex(
                name: "IX_ResultsMailings_SentBy_AtUtc",
                table: "ResultsMailings");

            migrationBuilder.DropIndex(
                name: "IX_Proposals_WorkshopId_CreatedAtUtc",
                table: "Proposals");

            migrationBuilder.DropColumn(
                name: "SentBy",
                table: "ResultsMailings");
        }
    }
}
