using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Workshops.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SeatOffersGroupsAndDoorOverrides : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Registrations_WorkshopId_EmailNormalized",
                table: "Registrations");

            migrationBuilder.AddColumn<int>(
                name: "Groups_MaxPeople",
                table: "Workshops",
                type: "INTEGER",
                nullable: false,
                defaultValue: 5);

            migrationBuilder.AddColumn<bool>(
                name: "Offers_Enabled",
                table: "Workshops",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<int>(
                name: "Offers_Hours",
                table: "Workshops",
                type: "INTEGER",
                nullable: false,
                defaultValue: 24);

            migrationBuilder.AlterColumn<string>(
                name: "EmailNormalized",
                table: "Registrations",
                type: "TEXT",
                maxLength: 254,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "TEXT",
                oldMaxLength: 254);

            migrationBuilder.AlterColumn<string>(
                name: "Email",
                table: "Registrations",
                type: "TEXT",
                maxLength: 254,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "TEXT",
                oldMaxLength: 254);

            migrationBuilder.AddColumn<int>(
                name: "GroupContactId",
                table: "Registrations",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "OverCapacity",
                table: "Registrations",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "SeatOffers",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    WorkshopId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RegistrationId = table.Column<int>(type: "INTEGER", nullable: false),
                    OfferedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ExpiresAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    EndedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SeatOffers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SeatOffers_Registrations_RegistrationId",
                        column: x => x.RegistrationId,
                        principalTable: "Registrations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Registrations_WorkshopId_EmailNormalized",
                table: "Registrations",
                columns: new[] { "WorkshopId", "EmailNormalized" },
                unique: true,
                filter: "\"Status\" <> 'Cancelled' AND \"EmailNormalized\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_SeatOffers_RegistrationId",
                table: "SeatOffers",
                column: "RegistrationId",
                unique: true,
                filter: "\"State\" = 'Open'");

            migrationBuilder.CreateIndex(
                name: "IX_SeatOffers_State_ExpiresAtUtc",
                table: "SeatOffers",
                columns: new[] { "State", "ExpiresAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_SeatOffers_WorkshopId_State",
                table: "SeatOffers",
                columns: new[] { "WorkshopId", "State" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "SeatOffers");

            migrationBuilder.DropIndex(
                name: "IX_Registrations_WorkshopId_EmailNormalized",
                table: "Registrations");

            migrationBuilder.DropColumn(
                name: "Groups_MaxPeople",
                table: "Workshops");

            migrationBuilder.DropColumn(
                name: "Offers_Enabled",
                table: "Workshops");

            migrationBuilder.DropColumn(
                name: "Offers_Hours",
                table: "Workshops");

            migrationBuilder.DropColumn(
                name: "GroupContactId",
                table: "Registrations");

            migrationBuilder.DropColumn(
                name: "OverCapacity",
                table: "Registrations");

            migrationBuilder.AlterColumn<string>(
                name: "EmailNormalized",
                table: "Registrations",
                type: "TEXT",
                maxLength: 254,
                nullable: false,
                defaultValue: "",
                oldClrType: typeof(string),
                oldType: "TEXT",
                oldMaxLength: 254,
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "Email",
                table: "Registrations",
                type: "TEXT",
                maxLength: 254,
                nullable: false,
                defaultValue: "",
                oldClrType: typeof(string),
                oldType: "TEXT",
                oldMaxLength: 254,
                oldNullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Registrations_WorkshopId_EmailNormalized",
                table: "Registrations",
                columns: new[] { "WorkshopId", "EmailNormalized" },
                unique: true,
                filter: "\"Status\" <> 'Cancelled'");
        }
    }
}
