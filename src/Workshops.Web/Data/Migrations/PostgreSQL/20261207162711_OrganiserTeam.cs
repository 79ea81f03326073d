using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Workshops.Web.Data.Migrations.PostgreSQL
{
    /// <inheritdoc />
    public partial class OrganiserTeam : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropCheckConstraint(
                name: "CK_OutgoingEmails_Recipient",
                table: "OutgoingEmails");

            migrationBuilder.AddColumn<string>(
                name: "Role",
                table: "AspNetUsers",
                type: "character varying(20)",
                maxLength: 20,
                nullable: false,
                defaultValue: "Administrator");

            migrationBuilder.CreateTable(
                name: "MemberWorkshops",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "text", nullable: false),
                    WorkshopId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MemberWorkshops", x => new { x.UserId, x.WorkshopId });
                    table.ForeignKey(
                        name: "FK_MemberWorkshops_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_MemberWorkshops_Workshops_WorkshopId",
                        column: x => x.WorkshopId,
                        principalTable: "Workshops",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.AddCheckConstraint(
                name: "CK_OutgoingEmails_Recipient",
                table: "OutgoingEmails",
                sql: "(\"RegistrationId\" IS NOT NULL) OR (\"RecipientEmail\" IS NOT NULL AND (\"WorkshopId\" IS NOT NULL OR \"Kind\" IN ('PasswordChanged', 'MemberInvitation', 'PasswordReset')))");

            migrationBuilder.CreateIndex(
                name: "IX_MemberWorkshops_WorkshopId",
                table: "MemberWorkshops",
                column: "WorkshopId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "MemberWorkshops");

            migrationBuilder.DropCheckConstraint(
                name: "CK_OutgoingEmails_Recipient",
                table: "OutgoingEmails");

            migrationBuilder.DropColumn(
                name: "Role",
                table: "AspNetUsers");

            migrationBuilder.AddCheckConstraint(
                name: "CK_OutgoingEmails_Recipient",
                table: "OutgoingEmails",
                sql: "(\"RegistrationId\" IS NOT NULL) OR (\"RecipientEmail\" IS NOT NULL AND (\"WorkshopId\" IS NOT NULL OR \"Kind\" = 'PasswordChanged'))");
        }
    }
}
