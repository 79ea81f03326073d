using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Workshops.Web.Data.Migrations.PostgreSQL
{
    /// <inheritdoc />
    public partial class SelfCheckIn : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<byte[]>(
                name: "CheckInKey",
                table: "Workshops",
                type: "bytea",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "SelfCheckedIn",
                table: "Registrations",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "WalkInVisits",
                columns: table => new
                {
                    FormKey = table.Column<Guid>(type: "uuid", nullable: false),
                    WorkshopId = table.Column<Guid>(type: "uuid", nullable: false),
                    CountedAtUtc = table.Column<DateTime>(type: "timestamp without time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WalkInVisits", x => x.FormKey);
                    table.ForeignKey(
                        name: "FK_WalkInVisits_Workshops_WorkshopId",
                        column: x => x.WorkshopId,
                        principalTable: "Workshops",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_WalkInVisits_WorkshopId",
                table: "WalkInVisits",
                column: "WorkshopId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "WalkInVisits");

            migrationBuilder.DropColumn(
                name: "CheckInKey",
                table: "Workshops");

            migrationBuilder.DropColumn(
                name: "SelfCheckedIn",
                table: "Registrations");
        }
    }
}
