using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Workshops.Web.Data.Migrations.PostgreSQL
{
    /// <inheritdoc />
    public partial class FunderRosterAndRetention : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Funder_Kind",
                table: "Workshops",
                type: "character varying(30)",
                maxLength: 30,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Funder_RetentionDays",
                table: "Workshops",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "OrganisationType",
                table: "Registrations",
                type: "character varying(30)",
                maxLength: 30,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "SelfEntryInvitations",
                columns: table => new
                {
                    RegistrationId = table.Column<int>(type: "integer", nullable: false),
                    WorkshopId = table.Column<Guid>(type: "uuid", nullable: false),
                    QueuedAtUtc = table.Column<DateTime>(type: "timestamp without time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SelfEntryInvitations", x => x.RegistrationId);
                    table.ForeignKey(
                        name: "FK_SelfEntryInvitations_Registrations_RegistrationId",
                        column: x => x.RegistrationId,
                        principalTable: "Registrations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_SelfEntryInvitations_Workshops_WorkshopId",
                        column: x => x.WorkshopId,
                        principalTable: "Workshops",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_SelfEntryInvitations_WorkshopId",
                table: "SelfEntryInvitations",
                column: "WorkshopId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "SelfEntryInvitations");

            migrationBuilder.DropColumn(
                name: "Funder_Kind",
                table: "Workshops");

            migrationBuilder.DropColumn(
                name: "Funder_RetentionDays",
                table: "Workshops");

            migrationBuilder.DropColumn(
                name: "OrganisationType",
                table: "Registrations");
        }
    }
}
