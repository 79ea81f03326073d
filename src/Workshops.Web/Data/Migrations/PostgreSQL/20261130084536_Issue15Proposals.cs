using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Workshops.Web.Data.Migrations.PostgreSQL
{
    /// <inheritdoc />
    public partial class Issue15Proposals : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ProposalThemes_En",
                table: "Workshops",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "ProposalThemes_Fi",
                table: "Workshops",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "ProposalThemes_Sv",
                table: "Workshops",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<bool>(
                name: "ProposalsEnabled",
                table: "Workshops",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "ProposalsPublic",
                table: "Workshops",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "ResultsPublished",
                table: "Workshops",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "ResultsSummary_En",
                table: "Workshops",
                type: "character varying(8000)",
                maxLength: 8000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "ResultsSummary_Fi",
                table: "Workshops",
                type: "character varying(8000)",
                maxLength: 8000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "ResultsSummary_Sv",
                table: "Workshops",
                type: "character varying(8000)",
                maxLength: 8000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AlterColumn<int>(
                name: "RegistrationId",
                table: "OutgoingEmails",
                type: "integer",
                nullable: true,
                oldClrType: typeof(int),
                oldType: "integer");

            migrationBuilder.AddColumn<string>(
                name: "Language",
                table: "OutgoingEmails",
                type: "character varying(5)",
                maxLength: 5,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "MailingKey",
                table: "OutgoingEmails",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RecipientEmail",
                table: "OutgoingEmails",
                type: "character varying(254)",
                maxLength: 254,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RecipientName",
                table: "OutgoingEmails",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "WorkshopId",
                table: "OutgoingEmails",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "Proposals",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    WorkshopId = table.Column<Guid>(type: "uuid", nullable: false),
                    Text = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    Theme = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Organisation = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    ShowName = table.Column<bool>(type: "boolean", nullable: false),
                    Group = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    Language = table.Column<string>(type: "character varying(5)", maxLength: 5, nullable: false),
                    State = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    TakenForward = table.Column<bool>(type: "boolean", nullable: false),
                    MergedIntoId = table.Column<int>(type: "integer", nullable: true),
                    ConsentedAtUtc = table.Column<DateTime>(type: "timestamp without time zone", nullable: true),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp without time zone", nullable: false),
                    ModeratedAtUtc = table.Column<DateTime>(type: "timestamp without time zone", nullable: true),
                    ErasedAtUtc = table.Column<DateTime>(type: "timestamp without time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Proposals", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Proposals_Proposals_MergedIntoId",
                        column: x => x.MergedIntoId,
                        principalTable: "Proposals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Proposals_Workshops_WorkshopId",
                        column: x => x.WorkshopId,
                        principalTable: "Workshops",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ResultsMailings",
                columns: table => new
                {
                    Key = table.Column<Guid>(type: "uuid", nullable: false),
                    WorkshopId = table.Column<Guid>(type: "uuid", nullable: false),
                    AtUtc = table.Column<DateTime>(type: "timestamp without time zone", nullable: false),
                    ToOutsideRecipient = table.Column<bool>(type: "boolean", nullable: false),
                    Recipients = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ResultsMailings", x => x.Key);
                    table.ForeignKey(
                        name: "FK_ResultsMailings_Workshops_WorkshopId",
                        column: x => x.WorkshopId,
                        principalTable: "Workshops",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_OutgoingEmails_MailingKey_RegistrationId",
                table: "OutgoingEmails",
                columns: new[] { "MailingKey", "RegistrationId" },
                unique: true,
                filter: "\"MailingKey\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_OutgoingEmails_WorkshopId",
                table: "OutgoingEmails",
                column: "WorkshopId");

            migrationBuilder.AddCheckConstraint(
                name: "CK_OutgoingEmails_Recipient",
                table: "OutgoingEmails",
                sql: "(\"RegistrationId\" IS NOT NULL) OR (\"RecipientEmail\" IS NOT NULL AND \"WorkshopId\" IS NOT NULL)");

            migrationBuilder.CreateIndex(
                name: "IX_Proposals_MergedIntoId",
                table: "Proposals",
                column: "MergedIntoId");

            migrationBuilder.CreateIndex(
                name: "IX_Proposals_WorkshopId_State",
                table: "Proposals",
                columns: new[] { "WorkshopId", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_ResultsMailings_WorkshopId",
                table: "ResultsMailings",
                column: "WorkshopId");

            migrationBuilder.AddForeignKey(
                name: "FK_OutgoingEmails_Workshops_WorkshopId",
                table: "OutgoingEmails",
                column: "WorkshopId",
                principalTable: "Workshops",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_OutgoingEmails_Workshops_WorkshopId",
                table: "OutgoingEmails");

            migrationBuilder.DropTable(
                name: "Proposals");

            migrationBuilder.DropTable(
                name: "ResultsMailings");

            migrationBuilder.DropIndex(
                name: "IX_OutgoingEmails_MailingKey_RegistrationId",
                table: "OutgoingEmails");

            migrationBuilder.DropIndex(
                name: "IX_OutgoingEmails_WorkshopId",
                table: "OutgoingEmails");

            migrationBuilder.DropCheckConstraint(
                name: "CK_OutgoingEmails_Recipient",
                table: "OutgoingEmails");

            migrationBuilder.DropColumn(
                name: "ProposalThemes_En",
                table: "Workshops");

            migrationBuilder.DropColumn(
                name: "ProposalThemes_Fi",
                table: "Workshops");

            migrationBuilder.DropColumn(
                name: "ProposalThemes_Sv",
                table: "Workshops");

            migrationBuilder.DropColumn(
                name: "ProposalsEnabled",
                table: "Workshops");

            migrationBuilder.DropColumn(
                name: "ProposalsPublic",
                table: "Workshops");

            migrationBuilder.DropColumn(
                name: "ResultsPublished",
                table: "Workshops");

            migrationBuilder.DropColumn(
                name: "ResultsSummary_En",
                table: "Workshops");

            migrationBuilder.DropColumn(
                name: "ResultsSummary_Fi",
                table: "Workshops");

            migrationBuilder.DropColumn(
                name: "ResultsSummary_Sv",
                table: "Workshops");

            migrationBuilder.DropColumn(
                name: "Language",
                table: "OutgoingEmails");

            migrationBuilder.DropColumn(
                name: "MailingKey",
                table: "OutgoingEmails");

            migrationBuilder.DropColumn(
                name: "RecipientEmail",
                table: "OutgoingEmails");

            migrationBuilder.DropColumn(
                name: "RecipientName",
                table: "OutgoingEmails");

            migrationBuilder.DropColumn(
                name: "WorkshopId",
                table: "OutgoingEmails");

            migrationBuilder.AlterColumn<int>(
                name: "RegistrationId",
                table: "OutgoingEmails",
                type: "integer",
                nullable: false,
                defaultValue: 0,
                oldClrType: typeof(int),
                oldType: "integer",
                oldNullable: true);
        }
    }
}
