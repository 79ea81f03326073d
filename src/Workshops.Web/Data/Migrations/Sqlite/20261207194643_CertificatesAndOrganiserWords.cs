using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Workshops.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CertificatesAndOrganiserWords : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Results_CoverNote_En",
                table: "Workshops",
                type: "TEXT",
                maxLength: 2000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "Results_CoverNote_Fi",
                table: "Workshops",
                type: "TEXT",
                maxLength: 2000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "Results_CoverNote_Sv",
                table: "Workshops",
                type: "TEXT",
                maxLength: 2000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "Words_CancellationReason_En",
                table: "Workshops",
                type: "TEXT",
                maxLength: 2000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "Words_CancellationReason_Fi",
                table: "Workshops",
                type: "TEXT",
                maxLength: 2000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "Words_CancellationReason_Sv",
                table: "Workshops",
                type: "TEXT",
                maxLength: 2000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "Words_PracticalInfo_En",
                table: "Workshops",
                type: "TEXT",
                maxLength: 2000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "Words_PracticalInfo_Fi",
                table: "Workshops",
                type: "TEXT",
                maxLength: 2000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "Words_PracticalInfo_Sv",
                table: "Workshops",
                type: "TEXT",
                maxLength: 2000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateTable(
                name: "Certificates",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Code = table.Column<string>(type: "TEXT", maxLength: 43, nullable: false),
                    RegistrationId = table.Column<int>(type: "INTEGER", nullable: false),
                    WorkshopId = table.Column<Guid>(type: "TEXT", nullable: false),
                    HolderName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Language = table.Column<string>(type: "TEXT", maxLength: 5, nullable: false),
                    IssuedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    EmailedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    WithdrawnAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Certificates", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Certificates_Registrations_RegistrationId",
                        column: x => x.RegistrationId,
                        principalTable: "Registrations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Certificates_Workshops_WorkshopId",
                        column: x => x.WorkshopId,
                        principalTable: "Workshops",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Certificates_Code",
                table: "Certificates",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Certificates_RegistrationId",
                table: "Certificates",
                column: "RegistrationId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Certificates_WorkshopId",
                table: "Certificates",
                column: "WorkshopId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Certificates");

            migrationBuilder.DropColumn(
                name: "Results_CoverNote_En",
                table: "Workshops");

            migrationBuilder.DropColumn(
                name: "Results_CoverNote_Fi",
                table: "Workshops");

            migrationBuilder.DropColumn(
                name: "Results_CoverNote_Sv",
                table: "Workshops");

            migrationBuilder.DropColumn(
                name: "Words_CancellationReason_En",
                table: "Workshops");

            migrationBuilder.DropColumn(
                name: "Words_CancellationReason_Fi",
                table: "Workshops");

            migrationBuilder.DropColumn(
                name: "Words_CancellationReason_Sv",
                table: "Workshops");

            migrationBuilder.DropColumn(
                name: "Words_PracticalInfo_En",
                table: "Workshops");

            migrationBuilder.DropColumn(
                name: "Words_PracticalInfo_Fi",
                table: "Workshops");

            migrationBuilder.DropColumn(
                name: "Words_PracticalInfo_Sv",
                table: "Workshops");
        }
    }
}
